package com.consento.recommendations;

/** A model in service: what it was trained on and when. */
record TrainedModel(RecommendationModel model, long version, long trainedAt, int histories, int items) {
}
