/**
 * Identity: who a consent belongs to. Subjects have opaque ids; identifiers (phone, e-mail, member id,
 * WeChat openid/unionid, Alipay uid, device) are normalised, encrypted with the subject's own data key and
 * found again through a keyed hash, so the database never holds a readable phone number or e-mail. The
 * in-memory {@link com.consento.identity.SubjectDirectory} answers "which subject is this?" without SQL.
 */
package com.consento.identity;
