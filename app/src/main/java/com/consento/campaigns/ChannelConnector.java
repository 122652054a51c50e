package com.consento.campaigns;

/**
 * Delivers campaign messages: a log/file adapter and a signed webhook ship ({@code consento.campaigns.connector}
 * = {@code log} | {@code webhook}); a real SMS or e-mail gateway plugs in as another bean of this type.
 */
public interface ChannelConnector {

    /** Delivers one message, or throws when the gateway refused it (the send is then recorded as suppressed). */
    void send(OutboundMessage message);
}
