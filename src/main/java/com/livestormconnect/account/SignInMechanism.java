package com.livestormconnect.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security's form mechanism with our own sign-in page: protected pages redirect to
 * /login, the sign-in servlet authenticates through {@code SecurityContext}, and the container
 * keeps the caller in the HTTP session.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class SignInMechanism {}
