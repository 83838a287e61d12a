package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum SubscriptionStatus implements WireEnum {
    ACTIVE, PAUSED, CANCELLED, PAST_DUE, TRIALING, EXPIRED;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SubscriptionStatus fromWire(String wire) {
        return WireEnum.fromWire(SubscriptionStatus.class, wire);
    }
}
