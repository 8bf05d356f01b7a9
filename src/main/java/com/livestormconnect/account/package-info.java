/**
 * The partner app's own users: sign-up, sign-in and sign-out with Jakarta Security over a JPA
 * account table. Depends on config and web only.
 */
package com.livestormconnect.account;
