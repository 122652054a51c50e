package com.consento.campaigns;

/** What a campaign is for; all but CUSTOM pre-fill the audience rule and the preference topic. */
public enum CampaignType {
    BIRTHDAY, LOYALTY, FLASH_SALE, CUSTOM
}
