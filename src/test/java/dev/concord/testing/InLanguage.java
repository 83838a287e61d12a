package dev.concord.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or method) with the console in a language, given as a locale tag ("de", "fr-CA"), and
 * times in UTC; English again afterwards, so no other test sees it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(InLanguageExtension.class)
public @interface InLanguage {
    String value();
}
