package com.consento.rights;

/** The kinds of request a person can file. */
public enum RequestType {
    ACCESS, PORTABILITY, CORRECTION, DELETION, EXPLANATION
}
