package com.consento.campaigns;

/**
 * One message to deliver: {@code address} is the phone (E.164), e-mail or other channel address the gateway
 * needs, never to be logged in clear (PIPL-51); {@code messageId} is unique per campaign, launch and person.
 */
public record OutboundMessage(String messageId, String campaignId, String subjectId, String channel, String address,
                              String maskedAddress, String text) {
}
