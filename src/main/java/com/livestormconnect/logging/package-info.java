/**
 * Log output for operators: one line of text or one JSON object per record ({@code LOG_FORMAT}),
 * installed on the server's root handlers at deployment, with tokens, secrets and personal data
 * masked in every record. Depends only on {@code config}.
 */
package com.livestormconnect.logging;
