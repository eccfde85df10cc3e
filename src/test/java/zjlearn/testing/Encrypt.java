package zjlearn.testing;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Password-protects an OOXML file in place, as Word does with "Encrypt with password". */
public final class Encrypt {
    private Encrypt() {
    }

    public static void docx(Path file, String password) throws Exception {
        Path plain = Files.createTempFile("plain", ".docx");
        Files.copy(file, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                Files.copy(plain, os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        } finally {
            Files.deleteIfExists(plain);
        }
    }
}
