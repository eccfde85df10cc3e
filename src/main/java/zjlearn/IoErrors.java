package zjlearn;

import zjlearn.check.Msg;

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
            return Msg.of("磁盘空间不足：请清理输出文件夹所在的磁盘，或换一个空间足够的输出文件夹",
                    "the disk is full: free some space or choose another output folder");
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied") || lower.contains("access is denied")) {
            return Msg.of("没有写入权限：{0}（请换一个有权限的输出文件夹）", "permission denied: {0} (choose a folder you may write to)", file);
        }
        if (lower.contains("read-only file system")) {
            return Msg.of("磁盘是只读的：{0}", "the file system is read-only: {0}", file);
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")
                || e instanceof FileAlreadyExistsException && !file.isEmpty()) {
            return Msg.of("路径上有一个同名文件，无法建立文件夹：{0}", "a file stands where a folder is needed: {0}", file);
        }
        if (lower.startsWith("crc error")) {
            return Msg.of("压缩包中的文件数据损坏（与压缩包记录的 CRC-32 校验值不符），没有打包：{0}；请报送单位重新压缩后发送",
                    "a file in the archive is damaged (its CRC-32 differs from the one the archive records), so it was not packaged: {0}; ask the sender to compress it again",
                    message);
        }
        if (e instanceof NoSuchFileException) {
            return Msg.of("找不到文件或文件夹：{0}", "no such file or folder: {0}", file);
        }
        return Msg.of("读写文件出错：{0}", "I/O error: {0}", e.getClass().getSimpleName() + ": " + message);
    }
}
