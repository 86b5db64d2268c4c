package io.aegisrag.coordinator.jobs;

import io.aegisrag.coordinator.ingest.UploadedFile;
import io.aegisrag.core.error.UnreadableDocumentException;
import io.aegisrag.core.error.UnreadableDocumentException.Reason;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a zip archive into its files, in archive order: folders, hidden files and macOS resource
 * forks left out; an archive inside is kept as a file (and fails as one). The bytes actually
 * inflated are counted, not the sizes the archive declares, so a zip bomb is stopped at
 * {@code maxBytes} in all, and at {@code maxEntries} files.
 */
final class Archives {

    private Archives() {
    }

    /** Whether a file sent as {@code name} with {@code contentType} is to be opened as an archive. */
    static boolean isArchive(String name, String contentType) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip")
                || (contentType != null && (contentType.startsWith("application/zip") || contentType.startsWith("application/x-zip")));
    }

    static List<UploadedFile> open(String archiveName, byte[] zip, long maxBytes, int maxEntries) {
        List<UploadedFile> files = new ArrayList<>();
        long inflated = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory() || isHidden(entry.getName())) {
                    continue;
                }
                if (files.size() == maxEntries) {
                    throw new UnreadableDocumentException(archiveName, Reason.TOO_LARGE, "the archive holds more than " + maxEntries
                            + " files (aegis.ingestion.max-archive-entries)");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    inflated += n;
                    if (inflated > maxBytes) {
                        throw new UnreadableDocumentException(archiveName, Reason.TOO_LARGE, "the archive expands to more than " + maxBytes
                                + " bytes (aegis.ingestion.max-archive-bytes)");
                    }
                    content.write(buffer, 0, n);
                }
                files.add(new UploadedFile(entry.getName(), content.toByteArray()));
            }
        } catch (ZipException e) {
            throw new UnreadableDocumentException(archiveName, Reason.CORRUPT, "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UnreadableDocumentException(archiveName, Reason.CORRUPT, "the archive could not be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UnreadableDocumentException(archiveName, Reason.EMPTY, "the archive holds no file (or is not a zip archive)");
        }
        return files;
    }

    private static boolean isHidden(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith(".") || path.startsWith("__MACOSX/") || path.contains("/__MACOSX/");
    }
}
