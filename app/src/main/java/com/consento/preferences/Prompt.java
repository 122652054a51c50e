package com.consento.preferences;

/**
 * One consent a channel may ask for now. {@code channel} is null for a purpose without channels;
 * {@code noticeVersion} is the notice to show, which the grant must then cite.
 */
public record Prompt(String purpose, String channel, PromptReason reason, String noticeVersion) {
}
