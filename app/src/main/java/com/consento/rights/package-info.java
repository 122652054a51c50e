/**
 * Rights: what a person may ask of the retailer (PIPL 44-50) — access and portability exports, correction,
 * deletion by crypto-shredding, explanation — each as a request with a due date of 15 working days on the
 * Chinese calendar, assigned, completed or refused with a reason, and visible when overdue.
 */
package com.consento.rights;
