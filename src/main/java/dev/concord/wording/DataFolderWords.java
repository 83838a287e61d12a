package dev.concord.wording;

import static dev.concord.i18n.Localization.lang;

import dev.concord.sync.DataFolder;
import java.nio.file.Path;

/** The sentence for a data folder the console or the command line cannot use (see {@link DataFolder}). */
public final class DataFolderWords {
    private DataFolderWords() {
    }

    public static String of(Path folder, DataFolder.Problem problem) {
        String reason = switch (problem) {
            case NOT_A_FOLDER -> lang("start.dataFolder.notAFolder");
            case CANNOT_CREATE -> lang("start.dataFolder.cannotCreate");
            case READ_ONLY -> lang("start.dataFolder.readOnly");
        };
        return lang("start.dataFolder", folder.toAbsolutePath(), reason);
    }
}
