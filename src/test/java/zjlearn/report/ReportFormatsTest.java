package zjlearn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import zjlearn.ValidationResult;
import zjlearn.probe.video.Mp4Builder;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** JUnit XML against the common schema, SARIF against its official 2.1.0 schema, and the HTML page's content. */
class ReportFormatsTest {
    @TempDir
    static Path tmp;

    static ValidationResult result;

    @BeforeAll
    static void province() {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").set("联系电话", "").write();
        p.star("杭州市", "李四").national(3, new Mp4Builder().build()).write();
        Mp4Builder phone = new Mp4Builder();
        phone.rotation = 90;
        phone.audio = false;
        p.project("宁波市", "共富夜校").national(3, phone.build()).write();
        for (String name : new String[] {"甲", "乙", "丙", "丁"}) {
            p.star("嘉兴市", "赵" + name + "某").write();
        }
        result = Runs.validate(p.root());
    }

    @Test
    void junitXmlMatchesTheSchemaAndCountsFailures() throws Exception {
        String xml = ReportFormat.junit.render(result, Locale.SIMPLIFIED_CHINESE, false, "test");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        javax.xml.validation.Schema xsd;
        try (InputStream in = getClass().getResourceAsStream("/schemas/junit.xsd")) {
            xsd = factory.newSchema(new StreamSource(in));
        }
        xsd.newValidator().validate(new StreamSource(new StringReader(xml)));
        String broken = xml.replaceFirst("<testcase classname=", "<testcase nom=");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> xsd.newValidator()
                .validate(new StreamSource(new StringReader(broken)))).as("the schema really is applied")
                .isInstanceOf(org.xml.sax.SAXException.class);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(4); // three units and the quota/layout suite
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(7 + result.generalFindings().size());
        long errors = result.findings().stream().filter(zjlearn.check.Finding::isError).count();
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) errors);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(errors));
        assertThat(xml).contains("classname=\"杭州市.百姓学习之星\"").contains("type=\"form.field-missing\"");
    }

    @Test
    void sarifMatchesTheOfficialSchema() throws Exception {
        String sarif = ReportFormat.sarif.render(result, Locale.SIMPLIFIED_CHINESE, false, "0.1.0");
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode json = new ObjectMapper().readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).isEmpty();
        JsonNode broken = new ObjectMapper().readTree(sarif.replaceFirst("\"level\" : \"error\"", "\"level\" : \"fatal\""));
        assertThat(schema.validate(broken)).as("the schema really is applied").isNotEmpty();
        JsonNode results = json.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(result.findings().size());
        assertThat(json.at("/runs/0/tool/driver/rules").size()).isGreaterThan(30);
        assertThat(results.findValuesAsText("ruleId")).contains("video.resolution", "quota.exceeded", "form.field-missing");
    }

    @Test
    void theHtmlPageIsSelfContainedAndShowsEverySection() {
        String html = ReportFormat.html.render(result, Locale.SIMPLIFIED_CHINESE, false, "test");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("<script src").doesNotContain("<link ");
        assertThat(html).contains("<h2>杭州市</h2>", "<h2>宁波市</h2>", "<h2>嘉兴市</h2>")
                .contains("超出名额")
                .contains("data:image/jpeg;base64,")
                .contains("视频：视频.mp4")
                .contains("720×1280，旋转 90°")
                .contains("推荐表.docx 中读到的栏目")
                .contains("在“联系电话”右侧的格子里填写内容")
                .contains("page-break-before")
                .contains("<td>码率（平均）</td><td>不低于 300 kbit/s</td>")
                .contains("<code title=\"表格缺少必填栏目或栏目未填写\">form.field-missing</code>");
        String en = ReportFormat.html.render(result, Locale.ENGLISH, false, "test");
        assertThat(en).contains("Nomination check report").contains("over quota")
                .contains("<td>Bitrate (average)</td><td>at least 300 kbit/s</td>");
    }
}
