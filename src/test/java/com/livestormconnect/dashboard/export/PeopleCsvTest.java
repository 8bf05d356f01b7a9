package com.livestormconnect.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeopleCsvTest {
  @Test
  void writesAHeaderThenOneNeutralisedRowPerPerson() throws Exception {
    Registrant registrant =
        new Registrant(
            "e",
            "s",
            Instant.parse("2026-03-01T10:00:00Z"),
            true,
            87.5,
            2_400,
            false,
            "API",
            "javascript:alert(3)",
            "<img src=x>",
            "=1+2",
            "-cmd|' /C calc'!A0",
            "FR",
            "France",
            "Paris",
            "Firefox",
            "Linux",
            null,
            java.util.Map.of("company", "=Acme"));
    Person person =
        new Person(
            "p1",
            "participant",
            "=HYPERLINK(\"https://evil.example\",\"x\")",
            "Formula",
            "ada@example.com",
            null,
            4,
            1,
            2,
            0,
            registrant,
            null,
            null,
            null);
    StringWriter out = new StringWriter();
    PeopleCsv csv = new PeopleCsv(out);

    csv.header();
    csv.row(person);

    assertTrue(out.toString().startsWith("\uFEFF"));
    String[] lines = out.toString().substring(1).split("\r\n");
    assertEquals(String.join(",", PeopleCsv.HEADER), lines[0]);
    assertEquals(
        "p1,ada@example.com,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",Formula,participant,"
            + "2026-03-01T10:00:00Z,true,87.5,2400,4,1,2,false,API,javascript:alert(3),<img src=x>,'=1+2,"
            + "'-cmd|' /C calc'!A0,France,Paris,Firefox,Linux",
        lines[1]);
  }

  @Test
  void eachCustomFieldOfTheEventHasAColumnAndTeamMembersAreMarked() throws Exception {
    Registrant answered =
        new Registrant(
            "e",
            "s",
            null,
            true,
            null,
            0,
            false,
            "API",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            java.util.Map.of("company", "Acme", "interests", "Webinars; News"));
    Person participant =
        new Person(
            "p1",
            "participant",
            "Ada",
            "L",
            "ada@example.com",
            null,
            0,
            0,
            0,
            0,
            answered,
            null,
            null,
            null);
    Person host =
        new Person(
            "t1",
            "team_member",
            "Camille",
            "M",
            "camille@example.com",
            null,
            0,
            0,
            0,
            0,
            null,
            null,
            null,
            null);
    StringWriter out = new StringWriter();
    PeopleCsv csv = new PeopleCsv(out, java.util.List.of("company", "job_title", "interests"));

    csv.header();
    csv.row(participant);
    csv.row(host);

    String[] lines = out.toString().split("\r\n");
    assertTrue(lines[0].endsWith(",os,field.company,field.job_title,field.interests"), lines[0]);
    assertTrue(lines[1].endsWith(",Acme,,\"Webinars; News\""), lines[1]);
    assertTrue(lines[2].contains(",team_member,") && lines[2].endsWith(",,,"), lines[2]);
  }

  @Test
  void theCustomColumnsAreTheFirstPersonsFormWithoutAskingLivestormFirst() throws Exception {
    java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
    answers.put("company", "Acme");
    answers.put("job_title", "");
    Registrant r =
        new Registrant(
            "e", "s", null, false, null, 0, false, "API", null, null, null, null, null, null, null,
            null, null, null, answers);
    StringWriter out = new StringWriter();
    PeopleCsv csv = PeopleCsv.withCustomFields(out);
    csv.header();
    csv.row(
        new Person(
            "p1",
            "participant",
            "Ada",
            "L",
            "ada@example.com",
            null,
            0,
            0,
            0,
            0,
            r,
            null,
            null,
            null));
    csv.finish();
    String[] lines = out.toString().split("\r\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].endsWith(",os,field.company,field.job_title"), lines[0]);
    assertTrue(lines[1].endsWith(",Acme,"), lines[1]);

    StringWriter empty = new StringWriter();
    PeopleCsv none = PeopleCsv.withCustomFields(empty);
    none.header();
    none.finish();
    assertEquals("\uFEFF" + String.join(",", PeopleCsv.HEADER) + "\r\n", empty.toString());
  }

  @Test
  void estimatesTimeLeftFromThePaceOfThePagesSoFar() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    ExportJob job = new ExportJob("j", 1, "s", true, Path.of("j.csv"), start);
    job.started(start);
    assertEquals(null, job.secondsLeft(start));

    job.pageDone(10, 104, 5_200);

    assertEquals(9, job.percent());
    assertEquals(188, job.secondsLeft(start.plusSeconds(20)));
  }
}
