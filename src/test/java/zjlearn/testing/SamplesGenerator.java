package zjlearn.testing;

import zjlearn.probe.video.Mp4Builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bundled {@code samples/} province: mostly compliant nominations and a few with the
 * mistakes clerks typically make. Run it to regenerate the folder:
 * {@code scripts/make-samples.sh}.
 */
public final class SamplesGenerator {
    private SamplesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples");
        if (Files.exists(out)) {
            throw new IOException(out + " exists; remove it first");
        }
        write(new Province(out));
    }

    static void write(Province p) throws IOException {
        // 杭州市: a category list that forgets one nominee, who also left a field empty.
        Province.Nominee zhang = p.star("杭州市", "张晓梅").folder("01-张晓梅").withoutOwnList();
        Province.Nominee li = p.star("杭州市", "李建国").folder("02-李建国").withoutOwnList()
                .set("性别", "男").set("出生年月", "1975.03").set("身份证号码", "330102197503150016")
                .set("工作单位及职务", "杭州市西湖区某社区居民、退役军人");
        Province.Nominee wang = p.star("杭州市", "王丽华").folder("03-王丽华").withoutOwnList().set("联系电话", "");
        zhang.write();
        li.write();
        wang.write();
        p.categoryList("杭州市", Province.STAR, Province.rows(zhang, li));
        Files.writeString(zhang.dir().resolve("~$推荐表.docx"), "Word lock file");

        p.project("杭州市", "共富夜校").folder("01-共富夜校").write();
        p.project("杭州市", "银龄数字课堂").folder("02-银龄数字课堂").summaryWords(900)
                .set("创建时间", "2017年3月").write();

        // 嘉兴市: four Learning Stars where the quota is three.
        String[][] jiaxing = {{"陈秀英", "女"}, {"周建平", "男"}, {"吴美华", "女"}, {"郑国强", "男"}};
        for (int i = 0; i < jiaxing.length; i++) {
            p.star("嘉兴市", jiaxing[i][0]).folder(String.format("%02d-%s", i + 1, jiaxing[i][0]))
                    .set("性别", jiaxing[i][1]).set("推荐单位", "嘉兴市教育局").write();
        }

        // 宁波市: a cadre among the stars; projects that miss the notice's conditions.
        p.star("宁波市", "赵志刚").folder("01-赵志刚").set("性别", "男").set("工作单位及职务", "宁波市某区副区长")
                .set("身份证号码", "330203197011230011").set("出生年月", "1970年11月").write();
        p.project("宁波市", "甬上终身学习e课堂").folder("01-甬上终身学习e课堂").write();
        p.project("宁波市", "宁波市海曙区社区学院").folder("02-宁波市海曙区社区学院")
                .set("申报单位", "宁波市海曙区社区学院").write();
        p.project("宁波市", "乡村振兴夜学堂").folder("03-乡村振兴夜学堂")
                .set("创建时间", "2020年3月").set("年参与人数", "800人").set("年参与人次", "3000人次").write();

        // 温州市: national candidates — one compliant video, one phone-style video — and a black-and-white ID photo.
        // The compliant video carries a real bitrate (2,000 bytes a frame at 25 fps: 400 kbit/s, over video.minKbps), so
        // the sample that should pass does; its frames are zeros, about 13 MB on disk and a few KB in git and in the zip.
        Mp4Builder compliant = new Mp4Builder();
        compliant.sampleSize = 2000;
        p.star("温州市", "林美玲").folder("01-林美玲").national(3, compliant.build()).write();
        p.star("温州市", "黄志明").folder("02-黄志明").set("性别", "男").idPhoto(413, 579, false).write();
        Mp4Builder phone = new Mp4Builder();
        phone.width = 1920;
        phone.height = 1080;
        phone.timescale = 30000;
        phone.delta = 1001;
        phone.frames = 30 * 265;
        phone.audio = false;
        p.project("温州市", "瓯越非遗传习课堂").folder("01-瓯越非遗传习课堂").national(4, phone.build()).write();

        // 浙江省社区教育指导中心: one project, compliant.
        p.project("浙江省社区教育指导中心", "浙里学·老年开放大学云课堂").set("申报单位", "浙江开放大学")
                .set("推荐单位", "浙江省社区教育指导中心").write();
    }
}
