package zjlearn;

import zjlearn.i18n.Msg;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** What an I/O failure means for a clerk: a full disk, a missing permission, a missing folder. */
public final class IoErrors {
    private IoErrors() {
    }

    public static Msg explain(IOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : "";
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
            return Msg.key("io.disk-full");
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("access is denied")) {
            return Msg.key("io.permission-denied", file);
        }
        if (lower.contains("read-only file system")) {
            return Msg.key("io.read-only", file);
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")
                || e instanceof FileAlreadyExistsException && !file.isEmpty()) {
            return Msg.key("io.not-a-folder", file);
        }
        if (lower.startsWith("crc error")) {
            return Msg.key("io.archive-crc",
                    message);
        }
        if (e instanceof NoSuchFileException) {
            return Msg.key("io.no-such-file", file);
        }
        return Msg.key("io.other", e.getClass().getSimpleName() + ": " + message);
    }
}
