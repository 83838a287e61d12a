package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.sync.SyncServices;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The usage help in the agent's language. The annotations hold keys, not words: a command's
 * {@code description} and {@code footer} name a key of the messages bundle, every option and parameter its
 * {@code descriptionKey}. This puts the words in: descriptions and footers directly, option texts and
 * picocli's own headings ("Usage:", "Commands:") through a resource bundle picocli reads.
 */
public final class CliHelp {
    /** A bundle key as the annotations hold it ("cli.help.get"). */
    private static final Pattern KEY = Pattern.compile("cli\\.[a-zA-Z]+(\\.[a-zA-Z]+)+");
    /** Picocli's own keys and ours for them. */
    private static final Map<String, String> PICOCLI_KEYS = Map.of(
            "mixinStandardHelpOptions.help", "cli.help.option.help",
            "mixinStandardHelpOptions.version", "cli.help.option.version");

    private CliHelp() {
    }

    /** Puts the words of the current language into {@code root} and all its subcommands. */
    public static void apply(CommandLine root) {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("usage.synopsisHeading", lang("cli.help.usageHeading") + " ");
        texts.put("usage.commandListHeading", lang("cli.help.commandsHeading") + "%n");
        texts.put("usage.synopsisSubcommandLabel", "[" + lang("cli.help.commandLabel") + "]");
        collect(root, texts);
        root.setResourceBundle(new Words(texts));
    }

    private static void collect(CommandLine command, Map<String, Object> texts) {
        CommandSpec spec = command.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        usage.description(words(usage.description()));
        usage.footer(words(usage.footer()));
        for (ArgSpec arg : spec.args()) {
            String key = arg.descriptionKey();
            if (key != null && !key.isEmpty()) {
                texts.put(key, escaped(text(PICOCLI_KEYS.getOrDefault(key, key))));
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, texts));
    }

    /** Each element that is a key becomes its text (lines split at line breaks); others stay as they are. */
    private static String[] words(String[] elements) {
        return java.util.Arrays.stream(elements)
                .flatMap(e -> KEY.matcher(e).matches() ? List.of(escaped(text(e)).split("\n")).stream()
                        : java.util.stream.Stream.of(e))
                .toArray(String[]::new);
    }

    /** The few texts with an argument get it here; the rest have none. */
    private static String text(String key) {
        return switch (key) {
            case "cli.opt.server" -> lang("cli.opt.server", SyncServices.DEFAULT_SERVER);
            case "cli.opt.consoleServer" -> lang("cli.opt.consoleServer", SyncServices.DEFAULT_SERVER);
            case "cli.help.mergeText.footer" -> lang("cli.help.mergeText.footer", MergeTextCommand.ERROR);
            default -> lang(key);
        };
    }

    /** Picocli formats help texts with String.format: a percent sign is written twice. */
    private static String escaped(String text) {
        return text.replace("%", "%%");
    }

    /** The texts as the resource bundle picocli asks. */
    private static final class Words extends ResourceBundle {
        private final Map<String, Object> texts;

        Words(Map<String, Object> texts) {
            this.texts = texts;
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }
    }
}
