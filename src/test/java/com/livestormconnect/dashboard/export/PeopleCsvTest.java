package com.livestormconnect.dashboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeopleCsvTest {
  @Test
  void writesAHeaderThenOneNeutralisedRowPerPerson() throws Exception {
    Registrant registrant = new Registrant("e", "s", Instant.parse("2026-03-01T10:00:00Z"), true, 87.5, 2_400,
        false, "API", "javascript:alert(3)", "<img src=x>", "=1+2", "-cmd|' /C calc'!A0", "FR", "France",
        "Paris", "Firefox", "Linux", null);
    Person person = new Person("p1", "participant", "=HYPERLINK(\"https://evil.example\",\"x\")", "Formula",
        "ada@example.com", null, 4, 1, 2, 0, registrant, null, null, null);
    StringWriter out = new StringWriter();
    PeopleCsv csv = new PeopleCsv(out);

    csv.header();
    csv.row(person);

    String[] lines = out.toString().split("\r\n");
    assertEquals(String.join(",", PeopleCsv.HEADER), lines[0]);
    assertEquals("p1,ada@example.com,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",Formula,participant,"
        + "2026-03-01T10:00:00Z,true,87.5,2400,4,1,2,false,API,javascript:alert(3),<img src=x>,'=1+2,"
        + "'-cmd|' /C calc'!A0,France,Paris,Firefox,Linux", lines[1]);
  }

  @Test
  void estimatesTimeLeftFromThePaceOfThePagesSoFar() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    ExportJob job = new ExportJob("j", 1, "s", Path.of("j.csv"), start);
    assertEquals(null, job.secondsLeft(start));

    job.pageDone(10, 104, 5_200);

    assertEquals(9, job.percent());
    assertEquals(188, job.secondsLeft(start.plusSeconds(20)));
  }
}
