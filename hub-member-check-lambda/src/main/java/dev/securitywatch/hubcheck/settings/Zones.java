package dev.securitywatch.hubcheck.settings;

import dev.securitywatch.lambdakit.settings.SettingsException;
import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA time zones from settings. */
public final class Zones {
    private Zones() {
    }

    /** @param setting the variable or option the value came from, named in the error */
    public static ZoneId parse(String value, String setting) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new SettingsException(setting + " must be an IANA time zone such as Asia/Tokyo, not '" + value + "'");
        }
    }
}
