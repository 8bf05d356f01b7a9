package com.livestormconnect.dashboard;

import com.livestormconnect.web.Messages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** Renders a {@link BarChart} through the real {@code chart} fragment of layout.html. */
final class Charts {
  private static final TemplateEngine ENGINE = engine();

  private Charts() {}

  private static TemplateEngine engine() {
    FileTemplateResolver resolver = new FileTemplateResolver();
    resolver.setPrefix(
        Path.of(System.getProperty("project.basedir", "."), "webapp/WEB-INF/templates") + "/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new Messages());
    return engine;
  }

  /** The whole figure: the SVG, its caption and its table. */
  static String figure(BarChart chart) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("chart", chart);
    return ENGINE.process("layout", Set.of("chart"), context);
  }

  /** The {@code <svg>} element alone, as the page carries it. */
  static String svg(BarChart chart) {
    String figure = figure(chart);
    return figure.substring(figure.indexOf("<svg"), figure.indexOf("</svg>") + "</svg>".length());
  }
}
