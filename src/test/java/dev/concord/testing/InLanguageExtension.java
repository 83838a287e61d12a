package dev.concord.testing;

import dev.concord.i18n.Localization;
import java.lang.reflect.AnnotatedElement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Sets the language of {@link InLanguage} before each test and puts English (and the machine's zone) back after it. */
public final class InLanguageExtension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        String tag = find(context.getElement()).or(() -> context.getTestClass().flatMap(InLanguageExtension::find))
                .orElse("en");
        Localization.use(Locale.forLanguageTag(tag));
        Localization.useZone(ZoneOffset.UTC);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Localization.use(Locale.ENGLISH);
        Localization.useZone(ZoneId.systemDefault());
    }

    private static Optional<String> find(Optional<? extends AnnotatedElement> element) {
        return element.flatMap(e -> AnnotationSupport.findAnnotation(e, InLanguage.class)).map(InLanguage::value);
    }

    private static Optional<String> find(Class<?> type) {
        return AnnotationSupport.findAnnotation(type, InLanguage.class).map(InLanguage::value);
    }
}
