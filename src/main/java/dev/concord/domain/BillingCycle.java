package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum BillingCycle implements WireEnum {
    WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BillingCycle fromWire(String wire) {
        return WireEnum.fromWire(BillingCycle.class, wire);
    }
}
