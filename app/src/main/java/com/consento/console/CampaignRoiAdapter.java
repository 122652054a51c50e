package com.consento.console;

import com.consento.campaigns.CampaignReport;
import com.consento.campaigns.CampaignService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Campaign ROI for the dashboard, read through the campaigns API. */
@Component("consoleCampaignRoi")
class CampaignRoiAdapter implements CampaignRoiPort {
    private final CampaignService campaigns;

    CampaignRoiAdapter(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<CampaignRoiPort.CampaignRoi> campaigns() {
        return campaigns.campaigns().stream().map(c -> {
            CampaignReport r = campaigns.report(c.id());
            return new CampaignRoiPort.CampaignRoi(c.id(), c.name(), r.sent(), r.cost().doubleValue(),
                    r.revenue().doubleValue(), r.roi());
        }).toList();
    }
}
