package zjlearn.testing;

import zjlearn.probe.video.Mp4Builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A province of N submissions (default 100) for {@code scripts/bench-memory.sh}: stars and projects in turn
 * across the eleven cities, each with its forms, a summary for projects, photos of 2000×1500 and,
 * for every fifth, the national materials with a compliant video header.
 *
 * <pre>java … zjlearn.testing.HundredProvince DIR [N]</pre>
 */
public final class HundredProvince {
    private static final String[] UNITS = {"杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市",
        "舟山市", "台州市", "丽水市"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"晓梅", "建国", "丽华", "志强", "秀英", "伟", "敏", "静", "磊", "洋"};
    private static final String[] PROJECTS = {"共富夜校", "银龄数字课堂", "书香社区", "田间课堂", "非遗传习坊"};

    private HundredProvince() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        if (Files.exists(root)) {
            throw new IOException(root + " exists; remove it first");
        }
        Province p = new Province(root);
        byte[] video = new Mp4Builder().build();
        for (int i = 0; i < n; i++) {
            String unit = UNITS[i % UNITS.length];
            String number = String.format("%02d-", i / UNITS.length + 1);
            Province.Nominee nominee;
            if (i % 2 == 0) {
                String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
                nominee = p.star(unit, name).folder(number + name);
            } else {
                String name = UNITS[i % UNITS.length].substring(0, 2) + PROJECTS[i % PROJECTS.length] + i;
                nominee = p.project(unit, name).folder(number + name).photos(3);
            }
            nominee.photoSize(2000, 1500);
            if (i % 5 == 0) {
                nominee.national(3, video);
            }
            nominee.write();
        }
    }
}
