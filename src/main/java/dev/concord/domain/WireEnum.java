package dev.concord.domain;

/** An enum with a lower-case wire name. */
public interface WireEnum {
    String wire();

    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + wire);
    }
}
