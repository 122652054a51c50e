package com.consento.console;

import java.util.List;

/**
 * Campaign return on investment for the dashboard, once campaigns exist. The console works without it (no
 * chart); to connect the campaigns capability, add a bean implementing this port in this package that reads
 * the campaigns API ({@code roi} = (revenue − cost) / cost, null when nothing was spent).
 */
public interface CampaignRoiPort {

    record CampaignRoi(String id, String name, long sent, double cost, double revenue, Double roi) {
    }

    List<CampaignRoi> campaigns();

    /** Used while no bean implements the port. */
    CampaignRoiPort NONE = List::of;
}
