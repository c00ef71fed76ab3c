package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    /** A small day through every chain: 6 agents, 400 conversations. */
    static final SimulationReport REPORT = Simulator.simulate(
            ScenarioFile.readDefault().withAgents(6).withConversations(400), 3,
            Simulator.chains(ScenarioFile.readDefault(), 6, Optional.empty(), NOWHERE), NOWHERE);

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theReport_isWellFormedXhtml_withItsFourCharts() throws Exception {
        Document page = parse(HtmlReport.render(REPORT));

        assertThat(page.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
        assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(4);
        assertThat(page.getElementsByTagNameNS(XHTML, "title").item(0).getTextContent())
                .isEqualTo("Switchboard simulator: Northwind support desk, 2026-03-03");
        assertThat(page.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
    }

    @Test
    void theReport_comparesTheFiveChains_inTheTablesAndInEveryChartsLegend() throws Exception {
        Document page = parse(HtmlReport.render(REPORT));
        List<String> names = List.of("round-robin", "skills+least-loaded", "sticky+skills+weighted", "offers",
                "rules");

        assertThat(REPORT.chains()).extracting(chain -> chain.chain().name()).isEqualTo(names);
        NodeList divs = page.getElementsByTagNameNS(XHTML, "div");
        List<String> legends = new ArrayList<>();
        for (int i = 0; i < divs.getLength(); i++) {
            if (((Element) divs.item(i)).getAttribute("class").equals("legend")) {
                legends.add(divs.item(i).getTextContent());
            }
        }
        assertThat(legends).as("queue length, time to assign, load per agent")
                .containsExactly(String.join("", names), String.join("", names), String.join("", names));
        String charts = HtmlReport.render(REPORT);
        assertThat(charts).contains("<title>rules: at most ", "<title>rules, 1-29 s: ", "<title>ana, rules: ")
                .contains("offers made to agents", "declined", "expired unanswered", "moved on by an overflow policy");
    }

    @Test
    void theReport_namesEveryChain_andEveryAgent() throws Exception {
        String text = parse(HtmlReport.render(REPORT)).getDocumentElement().getTextContent().replace("\u2011", "-");

        for (ChainReport chain : REPORT.chains()) {
            assertThat(text).contains(chain.chain().name(), chain.chain().description());
        }
        REPORT.day().owners().forEach(owner -> assertThat(text).contains(owner.id()));
    }

    @Test
    void textFromTheScenario_isEscaped() throws Exception {
        Day day = REPORT.day();
        Day oddlyNamed = new Day("Desk <A & B> \"east\"", day.start(), day.end(), day.queueSla(), day.owners(),
                day.presenceChanges(), day.arrivals(), day.specialistLevel(), day.triage());

        Document page = parse(HtmlReport.render(new SimulationReport(oddlyNamed, OptionalLong.of(3), REPORT.chains())));

        assertThat(page.getElementsByTagNameNS(XHTML, "title").item(0).getTextContent())
                .isEqualTo("Switchboard simulator: Desk <A & B> \"east\"");
    }
}
