/* SPDX-License-Identifier: MIT */
/*
 * The `arguments` array that AMQPQueue and AMQPExchange share in shape:
 * getArgument(), getArguments(), setArgument(), removeArgument(),
 * setArguments() and hasArgument() work alike on the declared `arguments`
 * slot of either class and differ only in the slot, the exception class and
 * which values setArgument() accepts.  Keys are looked up with symbol-table
 * rules; setArgument() overwrites and separates the array first (docs/compatibility.md
 * §7.1, §7.2).
 */
#include "mq_queue.h"

void php_mq_arguments_get(INTERNAL_FUNCTION_PARAMETERS, int slot, zend_class_entry *ce)
{
    zend_string *key;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();

    zval *args = php_mq_slot(Z_OBJ_P(ZEND_THIS), slot);
    zval *value = Z_TYPE_P(args) == IS_ARRAY ? zend_symtable_find(Z_ARRVAL_P(args), key) : NULL;
    if (!value) {
        php_mq_throwf(ce, 0, "The argument \"%s\" does not exist", ZSTR_VAL(key));
        RETURN_THROWS();
    }
    RETURN_COPY_DEREF(value);
}

void php_mq_arguments_all(INTERNAL_FUNCTION_PARAMETERS, int slot)
{
    ZEND_PARSE_PARAMETERS_NONE();
    zval *args = php_mq_slot(Z_OBJ_P(ZEND_THIS), slot);
    if (Z_TYPE_P(args) != IS_ARRAY) {
        RETURN_EMPTY_ARRAY();
    }
    RETURN_COPY(args);
}

void php_mq_arguments_set(INTERNAL_FUNCTION_PARAMETERS, int slot, zend_class_entry *ce,
                          bool any_value, const char *type_error)
{
    zend_string *key;
    zval *value;

    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(key)
        Z_PARAM_ZVAL(value)
    ZEND_PARSE_PARAMETERS_END();

    switch (Z_TYPE_P(value)) {
    case IS_NULL:
    case IS_FALSE:
    case IS_TRUE:
    case IS_LONG:
    case IS_DOUBLE:
    case IS_STRING:
        break;
    case IS_ARRAY:
        if (any_value) {
            break;
        }
        ZEND_FALLTHROUGH;
    case IS_OBJECT:
        if (any_value && Z_TYPE_P(value) == IS_OBJECT
            && instanceof_function(Z_OBJCE_P(value), mq_ce_AMQPValue)) {
            break;
        }
        ZEND_FALLTHROUGH;
    default:
        zend_throw_exception(ce, type_error, 0);
        RETURN_THROWS();
    }
    HashTable *ht = php_mq_slot_array_for_write(Z_OBJ_P(ZEND_THIS), slot);
    Z_TRY_ADDREF_P(value);
    zend_symtable_update(ht, key, value);
}

void php_mq_arguments_remove(INTERNAL_FUNCTION_PARAMETERS, int slot)
{
    zend_string *key;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();

    zval *args = php_mq_slot(Z_OBJ_P(ZEND_THIS), slot);
    if (Z_TYPE_P(args) == IS_ARRAY && zend_symtable_exists(Z_ARRVAL_P(args), key)) {
        zend_symtable_del(php_mq_slot_array_for_write(Z_OBJ_P(ZEND_THIS), slot), key);
    }
}

void php_mq_arguments_replace(INTERNAL_FUNCTION_PARAMETERS, int slot)
{
    zval *arguments;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY(arguments)
    ZEND_PARSE_PARAMETERS_END();

    php_mq_slot_set(Z_OBJ_P(ZEND_THIS), slot, arguments);
}

void php_mq_arguments_has(INTERNAL_FUNCTION_PARAMETERS, int slot)
{
    zend_string *key;

    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();

    zval *args = php_mq_slot(Z_OBJ_P(ZEND_THIS), slot);
    RETURN_BOOL(Z_TYPE_P(args) == IS_ARRAY && zend_symtable_exists(Z_ARRVAL_P(args), key));
}
