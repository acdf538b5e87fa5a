/* SPDX-License-Identifier: MIT */
/*
 * The AMQP 1.0 tests' generators write a primitive value given as its type,
 * its bits (numbers, floats as their IEEE bits) and bytes (binary, string,
 * symbol; uuid and decimal128 read 16 of them): one mapping to the writer's
 * mq_a1_put_* functions for every test that generates values.
 */
#ifndef MQ_TEST_A1_PUT_H
#define MQ_TEST_A1_PUT_H

#include <string.h>

#include "mq_a1_codec.h"

static inline void a1_put_scalar(mq_a1_writer *w, uint8_t type, uint64_t b, const void *p, size_t n)
{
    switch (type) {
    case MQ_A1_T_NULL: mq_a1_put_null(w); break;
    case MQ_A1_T_BOOLEAN: mq_a1_put_bool(w, b & 1); break;
    case MQ_A1_T_UBYTE: mq_a1_put_ubyte(w, (uint8_t)b); break;
    case MQ_A1_T_USHORT: mq_a1_put_ushort(w, (uint16_t)b); break;
    case MQ_A1_T_UINT: mq_a1_put_uint(w, (uint32_t)b); break;
    case MQ_A1_T_ULONG: mq_a1_put_ulong(w, b); break;
    case MQ_A1_T_BYTE: mq_a1_put_byte(w, (int8_t)b); break;
    case MQ_A1_T_SHORT: mq_a1_put_short(w, (int16_t)b); break;
    case MQ_A1_T_INT: mq_a1_put_int(w, (int32_t)b); break;
    case MQ_A1_T_LONG: mq_a1_put_long(w, (int64_t)b); break;
    case MQ_A1_T_FLOAT: { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); mq_a1_put_float(w, f); break; }
    case MQ_A1_T_DOUBLE: { double f; memcpy(&f, &b, 8); mq_a1_put_double(w, f); break; }
    case MQ_A1_T_DECIMAL32: mq_a1_put_decimal32(w, (uint32_t)b); break;
    case MQ_A1_T_DECIMAL64: mq_a1_put_decimal64(w, b); break;
    case MQ_A1_T_DECIMAL128: mq_a1_put_decimal128(w, (const uint8_t *)p); break;
    case MQ_A1_T_CHAR: mq_a1_put_char(w, (uint32_t)b); break;
    case MQ_A1_T_TIMESTAMP: mq_a1_put_timestamp(w, (int64_t)b); break;
    case MQ_A1_T_UUID: mq_a1_put_uuid(w, (const uint8_t *)p); break;
    case MQ_A1_T_BINARY: mq_a1_put_binary(w, p, n); break;
    case MQ_A1_T_STRING: mq_a1_put_string(w, p, n); break;
    default: mq_a1_put_symbol(w, p, n); break;
    }
}

#endif
