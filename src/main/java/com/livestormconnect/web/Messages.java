package com.livestormconnect.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Every user-visible text, from one bundle (i18n/messages, English with a French translation),
 * chosen by the locale of the request. Servlets use it for texts they compose themselves.
 */
@ApplicationScoped
public class Messages implements IMessageResolver {
  private static final String BUNDLE = "i18n.messages";

  public String text(Locale locale, String key, Object... parameters) {
    try {
      String pattern =
          ResourceBundle.getBundle(
                  BUNDLE,
                  locale,
                  Messages.class.getClassLoader(),
                  ResourceBundle.Control.getNoFallbackControl(
                      ResourceBundle.Control.FORMAT_PROPERTIES))
              .getString(key);
      return parameters.length == 0
          ? pattern
          : new MessageFormat(pattern, locale).format(parameters);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  @Override
  public String getName() {
    return "bundle";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(
      ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
    return text(context.getLocale(), key, parameters == null ? new Object[0] : parameters);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
    return "??" + key + "??";
  }
}
