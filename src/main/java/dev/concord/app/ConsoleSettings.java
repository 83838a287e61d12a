package dev.concord.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the console remembers per user between runs; null means "not set". */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ConsoleSettings(@JsonProperty("server") String server,
                       @JsonProperty("token") String token,
                       @JsonProperty("theme") String theme) {
    static ConsoleSettings none() {
        return new ConsoleSettings(null, null, null);
    }
}
