package zjlearn.probe.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import zjlearn.rules.FileType;
import zjlearn.rules.Magic;
import zjlearn.probe.ProbeException;

import static zjlearn.probe.video.DataExtent.addSat;
import static zjlearn.probe.video.Mp4Bytes.fourcc;
import static zjlearn.probe.video.Mp4Bytes.s64;
import static zjlearn.probe.video.Mp4Bytes.u32;

/**
 * Header-only MP4 / QuickTime probe. It reads top-level box headers (seeking past {@code mdat}, so a moov at the
 * end costs the same as one at the front), the {@code ftyp}, the {@code moov} and every {@code moof}; it never
 * reads sample data and never decodes a frame.
 *
 * <p>Every size and count in the file is checked before it is used (see {@code shared/notes/mp4-video.md} §7):
 * each box must fit its parent and the file, size 0 ("to end of file") is accepted only at top level, fourccs
 * must be printable, nesting is limited to {@value BoxWalker#MAX_DEPTH} levels and the walk to
 * {@value BoxWalker#MAX_BOXES} boxes, the moov to 64 MiB and each moof to 16 MiB, and each sample table's
 * {@code count × entry size} must fit its box. Memory use is therefore bounded by the real size of the moov/moof
 * being read, never by what a header claims. Anything that breaks these rules, and any unexpected error (including
 * {@link OutOfMemoryError} and {@link StackOverflowError}), becomes a {@link ProbeException} of kind
 * {@code UNREADABLE}.
 *
 * <p>This class walks the top-level boxes; {@link BoxWalker} splits a moov or moof into its tree, {@link MoovReader}
 * reads the tracks, {@link FragmentReader} the moofs, and {@link FactsAssembler} turns it all into {@link VideoFacts}.
 */
public final class VideoProbe {

    static final long MAX_MOOV = 64L << 20;
    static final long MAX_MOOF = 16L << 20;
    static final long MAX_FTYP = 64L << 10;

    /** Atoms a classic QuickTime file (no ftyp) may start with. */
    private static final Set<String> QT_LEADING = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "msf1");

    private final SeekableByteChannel ch;
    private final LongAdder bytesRead;
    private final long fileSize;

    // facts gathered while scanning
    private Ftyp ftyp;
    private final DataExtent extent;
    private final BoxWalker walker = new BoxWalker();
    private final Movie movie = new Movie();
    private final MoovReader moovReader;

    private VideoProbe(SeekableByteChannel ch, LongAdder bytesRead) throws IOException {
        this.ch = ch;
        this.bytesRead = bytesRead;
        this.fileSize = ch.size();
        this.extent = new DataExtent(fileSize);
        this.moovReader = new MoovReader(walker, extent, movie);
    }

    public static VideoFacts probe(Path file) throws ProbeException {
        return probe(file, null);
    }

    /**
     * Probes {@code file}, adding the number of bytes read from it to {@code bytesRead} (may be null).
     *
     * @throws ProbeException {@code EMPTY} for a 0-byte file, {@code UNREADABLE} with a short English detail for
     *                        anything that is not a sound MP4/QuickTime file or a recognised other format
     */
    public static VideoFacts probe(Path file, LongAdder bytesRead) throws ProbeException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return probe(ch, bytesRead);
        } catch (ProbeException e) {
            throw e;
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "cannot read file: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Probes an open channel; its position is changed. */
    public static VideoFacts probe(SeekableByteChannel ch, LongAdder bytesRead) throws ProbeException {
        try {
            if (ch.size() == 0) {
                throw new ProbeException(ProbeException.Kind.EMPTY, "empty file");
            }
            return new VideoProbe(ch, bytesRead).run();
        } catch (ProbeException e) {
            throw e;
        } catch (Broken e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, e.getMessage());
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.UNREADABLE, "cannot read file: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static ProbeException unexpected(Throwable t) {
        String what = t instanceof StackOverflowError ? "structure nested too deeply"
                : t instanceof OutOfMemoryError ? "structure too large"
                : "unexpected " + t.getClass().getSimpleName();
        return new ProbeException(ProbeException.Kind.UNREADABLE, "broken MP4 file (" + what + ")", t);
    }

    // ------------------------------------------------------------------------------------------ top level

    private VideoFacts run() throws IOException, Broken, ProbeException {
        byte[] head = read(0, (int) Math.min(16, fileSize));
        String firstType = head.length >= 8 ? fourcc(head, 4) : "";
        if (!firstType.equals("ftyp") && !QT_LEADING.contains(firstType)) {
            FileType foreign = sniffForeign(head);
            if (foreign != null) {
                return VideoFacts.other(foreign, fileSize);
            }
        }
        long pos = 0;
        int index = 0;
        while (pos < fileSize) {
            long left = fileSize - pos;
            if (left < 8) {
                if (!allZero(read(pos, (int) left))) {
                    extent.truncated = true;
                }
                break;
            }
            byte[] h = pos == 0 && head.length == Math.min(16, left) ? head : read(pos, (int) Math.min(16, left));
            long size = u32(h, 0);
            String type = fourcc(h, 4);
            int headerSize = 8;
            if (!BoxWalker.printable(h, 4)) {
                if (index == 0) {
                    throw new Broken("not an MP4 file (no ftyp box at the start)");
                }
                throw new Broken("invalid box type at offset " + pos);
            }
            if (index == 0 && !type.equals("ftyp") && !QT_LEADING.contains(type)) {
                throw new Broken("not an MP4 file (starts with '" + type + "', not an ftyp box)");
            }
            if (size == 1) {
                if (h.length < 16) {
                    extent.truncated = true;
                    break;
                }
                size = s64(h, 8);
                headerSize = 16;
                if (size < 16) {
                    throw new Broken("'" + type + "' box at offset " + pos + " has an invalid 64-bit size");
                }
            } else if (size == 0) {
                size = left; // "extends to the end of the file": necessarily the last box
            } else if (size < 8) {
                throw new Broken("'" + type + "' box at offset " + pos + " has size " + size);
            }
            walker.countBox();
            boolean pastEof = size > left;
            long end = addSat(pos, size);
            extent.dataEnd = Math.max(extent.dataEnd, end);
            switch (type) {
                case "ftyp" -> {
                    if (pastEof || size > MAX_FTYP) {
                        throw new Broken("ftyp box is " + (pastEof ? "cut short" : "too large"));
                    }
                    if (ftyp == null) {
                        byte[] box = readBox(pos, (int) size, h);
                        ftyp = Ftyp.parse(Arrays.copyOfRange(box, headerSize, box.length));
                    }
                }
                case "moov" -> {
                    // a second moov is skipped, as players do (ffmpeg: "Found duplicated MOOV Atom. Skipped it")
                    if (!movie.hasMoov) {
                        if (size > MAX_MOOV) {
                            throw new Broken("moov box larger than 64 MiB (" + size + " bytes)");
                        }
                        if (pastEof) {
                            throw new Broken("moov box ends past the end of the file (file cut short)");
                        }
                        moovReader.read(new Buf(readBox(pos, (int) size, h), pos), headerSize);
                    }
                }
                case "moof" -> {
                    if (!movie.hasMoov) {
                        throw new Broken("moof box before the moov box");
                    }
                    if (size > MAX_MOOF) {
                        throw new Broken("moof box larger than 16 MiB (" + size + " bytes)");
                    }
                    if (!pastEof) {
                        Buf moof = new Buf(readBox(pos, (int) size, h), pos);
                        FragmentReader.read(moof, headerSize, walker, movie, extent);
                    }
                }
                default -> {
                    // mdat, free, skip, wide, sidx, mfra, uuid ...: header only
                }
            }
            if (pastEof) {
                extent.truncated = true;
                break;
            }
            pos = end;
            index++;
        }
        if (!movie.hasMoov) {
            if (ftyp != null && HEIF_BRANDS.contains(ftyp.majorBrand())) {
                return VideoFacts.other(FileType.HEIC, fileSize);
            }
            throw new Broken(extent.truncated ? "no moov box (file cut short)" : "no moov box");
        }
        for (Track t : movie.tracks) {
            if (t.protection != null && (t.isVideo() || t.isSound())) {
                throw new ProbeException(ProbeException.Kind.ENCRYPTED, "encrypted (DRM) " + (t.isVideo()
                        ? "video" : "audio") + " track, scheme " + t.protection + ", codec " + t.codec);
            }
        }
        return FactsAssembler.assemble(ftyp, movie, extent);
    }

    /**
     * Names a non-MP4 file from its magic bytes (the program's one table, {@link Magic}), or returns null.
     * Throws for known formats without a FileType.
     */
    private static FileType sniffForeign(byte[] h) throws Broken {
        Magic.Signature signature = Magic.match(h);
        if (signature == null) {
            return null;
        }
        if (signature.type() == FileType.UNKNOWN) {
            throw new Broken("not an MP4 file (" + signature.name() + ")");
        }
        return signature.type();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private byte[] read(long pos, int len) throws IOException, Broken {
        byte[] out = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(out);
        ch.position(pos);
        while (bb.hasRemaining()) {
            int n = ch.read(bb);
            if (n < 0) {
                throw new Broken("file ended while reading (changed during the probe?)");
            }
            if (bytesRead != null) {
                bytesRead.add(n);
            }
        }
        return out;
    }

    /** Reads a whole box whose first bytes ({@code head}) were already read. */
    private byte[] readBox(long pos, int size, byte[] head) throws IOException, Broken {
        int have = Math.min(head.length, size);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, have);
        if (size > have) {
            byte[] rest = read(pos + have, size - have);
            System.arraycopy(rest, 0, out, have, rest.length);
        }
        return out;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
