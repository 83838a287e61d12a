package dev.concord.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum InvoiceStatus implements WireEnum {
    DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE;

    @JsonValue
    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InvoiceStatus fromWire(String wire) {
        return WireEnum.fromWire(InvoiceStatus.class, wire);
    }
}
