/**
 * Campaigns: birthday, loyalty, flash-sale and custom campaigns over an audience rule, with templates that
 * carry the sender and an opt-out (CPL-29, SMS-18), the same rule-based offer for everyone (PIPL-24a), a
 * deterministic control group, and a launch that re-checks every decision at send time and records each
 * send or suppression with its reason. Reports attribute orders to sends within a window and compute ROI,
 * uplift against the control group, and the messages consent stopped. Sending goes through a
 * {@link com.consento.campaigns.ChannelConnector}.
 */
package com.consento.campaigns;
