package com.consento.rights;

/** Where a request stands; COMPLETED and REFUSED are final. */
public enum RequestStatus {
    RECEIVED, IN_PROGRESS, COMPLETED, REFUSED;

    boolean open() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
