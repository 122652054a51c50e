package com.consento.propagation;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This process among the cluster's nodes: stamped on the changes it commits ({@code consento.node-id}). */
@Component
class NodeId {
    private final String id;

    NodeId(@Value("${consento.node-id:}") String configured) {
        this.id = configured == null || configured.isBlank()
                ? "node-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) : configured.trim();
    }

    String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
