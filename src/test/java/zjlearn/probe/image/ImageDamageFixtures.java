package zjlearn.probe.image;

/** EXIF blocks for tests outside this package. */
public final class ImageDamageFixtures {
    private ImageDamageFixtures() {
    }

    /** A TIFF block whose IFD0 names the camera maker (tag Make), as phones and cameras write. */
    public static byte[] makeTiff(String make) {
        return ImageDamageTest.makeTiff(make);
    }
}
