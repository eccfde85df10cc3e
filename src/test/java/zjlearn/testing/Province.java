package zjlearn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a province folder in the convention of DESIGN.md, one compliant submission at a time,
 * with hooks to break exactly what a test needs broken.
 *
 * <pre>
 * Province p = new Province(tmp);
 * p.star("杭州市", "张三").set("联系电话", "").write();
 * </pre>
 */
public final class Province {
    public static final String STAR = "百姓学习之星";
    public static final String PROJECT = "终身学习品牌项目";
    public static final List<String> STAR_LIST_HEADER = List.of("序号", "姓名", "性别", "出生年月", "工作单位及职务", "推荐单位", "联系电话");
    public static final List<String> PROJECT_LIST_HEADER = List.of("序号", "项目名称", "申报单位", "创建时间", "年参与人数（人次）", "联系人", "联系电话");

    private final Path root;

    public Province(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path unit(String unit) {
        return root.resolve(unit);
    }

    public Path category(String unit, String category) {
        return root.resolve(unit).resolve(category);
    }

    public Nominee star(String unit, String name) {
        return new Nominee(this, unit, name, true);
    }

    public Nominee project(String unit, String name) {
        return new Nominee(this, unit, name, false);
    }

    /** A category-level 推荐登记表.xlsx listing the given rows. */
    public Path categoryList(String unit, String category, List<List<String>> rows) {
        Path file = category(unit, category).resolve("推荐登记表.xlsx");
        boolean star = STAR.equals(category);
        Docs.listFormXlsx(file, star ? "附表2 “百姓学习之星”推荐登记表" : "附表4 “终身学习品牌项目”推荐登记表",
                star ? STAR_LIST_HEADER : PROJECT_LIST_HEADER, rows);
        return file;
    }

    /** One nominee or project; compliant unless told otherwise. */
    public static final class Nominee {
        private final Province province;
        private final String unit;
        private final String name;
        private final boolean star;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String folderName;
        private boolean ownList = true;
        private int summaryWords = 2000;
        private int photos = 2;
        private boolean idPhoto = true;
        private int[] idPhotoSize = {413, 579};
        private boolean idPhotoColour = true;
        private int[] photoSize = {1280, 960};
        private byte[] nationalVideo;
        private int nationalPhotos;

        Nominee(Province province, String unit, String name, boolean star) {
            this.province = province;
            this.unit = unit;
            this.name = name;
            this.star = star;
            this.folderName = name;
            String recommender = unit.endsWith("市") ? unit + "教育局" : unit;
            if (star) {
                fields.put("姓名", name);
                fields.put("性别", "女");
                fields.put("出生年月", "1968年5月");
                fields.put("民族", "汉族");
                fields.put("政治面貌", "中共党员");
                fields.put("文化程度", "大专");
                fields.put("工作单位及职务", "社区老年学校学员");
                fields.put("联系电话", "13812345678");
                fields.put("身份证号码", idNumber("330106", "19680512", name));
                fields.put("主要学习事迹", "退休后坚持每天读书学习，二十年来在社区老年学校学习书法、摄影和智能手机应用，"
                        + "并组织邻里读书会，带动三百多名居民参与终身学习。");
                fields.put("推荐单位", recommender);
                fields.put("推荐单位意见", "同意推荐。");
            } else {
                fields.put("项目名称", name);
                fields.put("申报单位", unit.endsWith("市") ? unit + "社区学院" : unit);
                fields.put("项目负责人", "王芳");
                fields.put("联系电话", "0571-88031282");
                fields.put("创建时间", "2016年9月");
                fields.put("年参与人数", "3500人");
                fields.put("年参与人次", "12000人次");
                fields.put("项目简介", "项目依托社区学校和文化礼堂，每周开设夜间课程，内容涵盖数字技能、传统文化和家庭教育，"
                        + "线上线下融合，方便上班族参与学习。");
                fields.put("具体措施与保障", "设立专项经费，组建专兼职教师和志愿者队伍。");
                fields.put("成效与影响", "年受益群众三千余人，被多家媒体报道。");
                fields.put("推荐单位", recommender);
                fields.put("推荐单位意见", "同意推荐。");
            }
        }

        /** Changes a form value; an empty value leaves the field blank, null removes the field. */
        public Nominee set(String field, String value) {
            if (value == null) {
                fields.remove(field);
            } else {
                fields.put(field, value);
            }
            return this;
        }

        public Nominee folder(String folderName) {
            this.folderName = folderName;
            return this;
        }

        /** No 推荐登记表 in the submission folder (the category's list must cover it). */
        public Nominee withoutOwnList() {
            this.ownList = false;
            return this;
        }

        public Nominee summaryWords(int words) {
            this.summaryWords = words;
            return this;
        }

        public Nominee photos(int photos) {
            this.photos = photos;
            return this;
        }

        public Nominee idPhoto(int width, int height, boolean colour) {
            this.idPhotoSize = new int[] {width, height};
            this.idPhotoColour = colour;
            return this;
        }

        public Nominee photoSize(int width, int height) {
            this.photoSize = new int[] {width, height};
            return this;
        }

        /** A national candidate: {@code photos} extra photos and this video in 全国推荐材料/. */
        public Nominee national(int photos, byte[] video) {
            this.nationalPhotos = photos;
            this.nationalVideo = video;
            return this;
        }

        public Nominee withoutIdPhoto() {
            this.idPhoto = false;
            return this;
        }

        public Path dir() {
            return province.category(unit, star ? STAR : PROJECT).resolve(folderName);
        }

        /** The row this nominee takes in a 推荐登记表. */
        public List<String> listRow(int number) {
            if (star) {
                return List.of(String.valueOf(number), fields.getOrDefault("姓名", name), fields.getOrDefault("性别", ""),
                        fields.getOrDefault("出生年月", ""), fields.getOrDefault("工作单位及职务", ""),
                        fields.getOrDefault("推荐单位", ""), fields.getOrDefault("联系电话", ""));
            }
            return List.of(String.valueOf(number), fields.getOrDefault("项目名称", name), fields.getOrDefault("申报单位", ""),
                    fields.getOrDefault("创建时间", ""), fields.getOrDefault("年参与人次", ""),
                    fields.getOrDefault("项目负责人", ""), fields.getOrDefault("联系电话", ""));
        }

        public Path write() {
            Path dir = dir();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (star) {
                Docs.fieldFormDocx(dir.resolve("推荐表.docx"), "附表1 “百姓学习之星”推荐表", fields);
                if (ownList) {
                    Docs.listFormDocx(dir.resolve("推荐登记表.docx"), "附表2 “百姓学习之星”推荐登记表",
                            "推荐单位：" + fields.getOrDefault("推荐单位", ""), STAR_LIST_HEADER, List.of(listRow(1)));
                }
                int others = photos;
                if (idPhoto) {
                    Docs.jpeg(dir.resolve("证件照.jpg"), idPhotoSize[0], idPhotoSize[1], idPhotoColour);
                    others--;
                }
                for (int i = 1; i <= others; i++) {
                    Docs.jpeg(dir.resolve(others == 1 ? "生活照.jpg" : "生活照" + i + ".jpg"), photoSize[0], photoSize[1], true);
                }
            } else {
                Docs.fieldFormDocx(dir.resolve("推荐表.docx"), "附表3 “终身学习品牌项目”推荐表", fields);
                if (ownList) {
                    Docs.listFormDocx(dir.resolve("推荐登记表.docx"), "附表4 “终身学习品牌项目”推荐登记表",
                            "推荐单位：" + fields.getOrDefault("推荐单位", ""), PROJECT_LIST_HEADER, List.of(listRow(1)));
                }
                if (summaryWords > 0) {
                    Docs.textDocx(dir.resolve("工作总结.docx"), fields.getOrDefault("项目名称", name) + "工作总结",
                            Docs.chineseText(summaryWords - countTitle()));
                }
                for (int i = 1; i <= photos; i++) {
                    Docs.jpeg(dir.resolve("活动照片" + i + ".jpg"), photoSize[0], photoSize[1], true);
                }
            }
            if (nationalVideo != null || nationalPhotos > 0) {
                Path national = dir.resolve("全国推荐材料");
                for (int i = 1; i <= nationalPhotos; i++) {
                    Docs.jpeg(national.resolve(i + ".jpg"), 1280, 960, true);
                }
                if (nationalVideo != null) {
                    Docs.write(national.resolve("视频.mp4"), out -> out.write(nationalVideo));
                }
            }
            return dir;
        }

        /** The summary's title paragraph counts too. */
        private int countTitle() {
            return zjlearn.probe.CharCounter.wordCount(fields.getOrDefault("项目名称", name) + "工作总结");
        }
    }

    /** A valid citizen ID number (GB 11643 check digit) whose sequence digits derive from the name. */
    public static String idNumber(String region, String birth, String name) {
        String body = region + birth + String.format("%03d", Math.floorMod(name.hashCode(), 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Rows of a category list for the given nominees, numbered from 1. */
    public static List<List<String>> rows(Nominee... nominees) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < nominees.length; i++) {
            rows.add(nominees[i].listRow(i + 1));
        }
        return rows;
    }
}
