package com.consento.preferences;

/**
 * Why a consent may be asked for now: never asked, the grant lapsed, a material notice outdated it, or the
 * person refused or withdrew it and the cooldown is over (or they opened that feature themselves).
 */
public enum PromptReason {
    NEVER_ASKED, EXPIRED, NOTICE_OUTDATED, DENIED, WITHDRAWN
}
