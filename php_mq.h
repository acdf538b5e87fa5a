/* SPDX-License-Identifier: MIT */
/*
 * Public header of the mq extension for PHP's build system.  The file is
 * built as mq.so (PHP_NEW_EXTENSION(mq, ...)), but the module it registers is
 * named "amqp", so that extension_loaded('amqp'), phpversion('amqp') and
 * `php --ri amqp` behave like PECL amqp, which mq replaces.  phpext_mq_ptr is
 * what a static build (ext/mq inside php-src) looks up.
 */
#ifndef PHP_MQ_H
#define PHP_MQ_H

/* The version reported to PHP code (phpversion('amqp'), AMQP's constants):
 * mq stands in for php-amqp 2.x, so it reports a 2.x version. */
#define PHP_MQ_VERSION "2.1.2"

/* mq's own release number, shown by phpinfo() / `php --ri amqp`. */
#define PHP_MQ_RELEASE "0.1.0"

extern zend_module_entry amqp_module_entry;
#define phpext_mq_ptr &amqp_module_entry

#if defined(ZTS) && defined(COMPILE_DL_MQ)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_MQ_H */
