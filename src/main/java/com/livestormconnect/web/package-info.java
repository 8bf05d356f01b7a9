/**
 * Web plumbing shared by every feature: the template engine and messages, CSRF protection, security
 * headers, session cookies, error pages, the landing page and the health check. Depends on config
 * and database only.
 */
package com.livestormconnect.web;
