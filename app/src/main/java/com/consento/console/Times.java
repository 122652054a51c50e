package com.consento.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times: in the retailer's zone (default Asia/Shanghai), to the second. */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final ZoneId zone;

    Times(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    public String at(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    public String at(long epochMillis) {
        return at(Instant.ofEpochMilli(epochMillis));
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** The zone's offset, e.g. {@code UTC+08:00}, for page footers. */
    public String label() {
        return zone.getId();
    }
}
