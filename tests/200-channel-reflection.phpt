--TEST--
AMQPChannel: reflection matches php-amqp 2.1 (properties, methods, parameters); not final, not cloneable
--EXTENSIONS--
amqp
--FILE--
<?php
$rc = new ReflectionClass('AMQPChannel');
echo $rc;
var_dump($rc->isFinal(), $rc->isCloneable());
foreach ($rc->getMethods() as $m) {
    if ($m->isFinal() || $m->isStatic() || !$m->isPublic()) {
        echo "unexpected modifiers: ", $m->getName(), "\n";
    }
}
?>
--EXPECT--
Class [ <internal:amqp> class AMQPChannel ] {

  - Constants [0] {
  }

  - Static properties [0] {
  }

  - Static methods [0] {
  }

  - Properties [6] {
    Property [ private AMQPConnection $connection ]
    Property [ private ?int $prefetchCount = NULL ]
    Property [ private ?int $prefetchSize = NULL ]
    Property [ private ?int $globalPrefetchCount = NULL ]
    Property [ private ?int $globalPrefetchSize = NULL ]
    Property [ private array $consumers = [] ]
  }

  - Methods [24] {
    Method [ <internal:amqp, ctor> public method __construct ] {

      - Parameters [1] {
        Parameter #0 [ <required> AMQPConnection $connection ]
      }
    }

    Method [ <internal:amqp> public method isConnected ] {

      - Parameters [0] {
      }
      - Return [ bool ]
    }

    Method [ <internal:amqp> public method close ] {

      - Parameters [0] {
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getChannelId ] {

      - Parameters [0] {
      }
      - Return [ int ]
    }

    Method [ <internal:amqp> public method setPrefetchSize ] {

      - Parameters [1] {
        Parameter #0 [ <required> int $size ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getPrefetchSize ] {

      - Parameters [0] {
      }
      - Return [ int ]
    }

    Method [ <internal:amqp> public method setPrefetchCount ] {

      - Parameters [1] {
        Parameter #0 [ <required> int $count ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getPrefetchCount ] {

      - Parameters [0] {
      }
      - Return [ int ]
    }

    Method [ <internal:amqp> public method setGlobalPrefetchSize ] {

      - Parameters [1] {
        Parameter #0 [ <required> int $size ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getGlobalPrefetchSize ] {

      - Parameters [0] {
      }
      - Return [ int ]
    }

    Method [ <internal:amqp> public method setGlobalPrefetchCount ] {

      - Parameters [1] {
        Parameter #0 [ <required> int $count ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getGlobalPrefetchCount ] {

      - Parameters [0] {
      }
      - Return [ int ]
    }

    Method [ <internal:amqp> public method qos ] {

      - Parameters [3] {
        Parameter #0 [ <required> int $size ]
        Parameter #1 [ <required> int $count ]
        Parameter #2 [ <optional> bool $global = false ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method startTransaction ] {

      - Parameters [0] {
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method commitTransaction ] {

      - Parameters [0] {
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method rollbackTransaction ] {

      - Parameters [0] {
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getConnection ] {

      - Parameters [0] {
      }
      - Return [ AMQPConnection ]
    }

    Method [ <internal:amqp> public method basicRecover ] {

      - Parameters [1] {
        Parameter #0 [ <optional> bool $requeue = true ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method confirmSelect ] {

      - Parameters [0] {
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method waitForConfirm ] {

      - Parameters [1] {
        Parameter #0 [ <optional> float $timeout = 0.0 ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method setConfirmCallback ] {

      - Parameters [2] {
        Parameter #0 [ <required> ?callable $ackCallback ]
        Parameter #1 [ <optional> ?callable $nackCallback = null ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method setReturnCallback ] {

      - Parameters [1] {
        Parameter #0 [ <required> ?callable $returnCallback ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method waitForBasicReturn ] {

      - Parameters [1] {
        Parameter #0 [ <optional> float $timeout = 0.0 ]
      }
      - Return [ void ]
    }

    Method [ <internal:amqp> public method getConsumers ] {

      - Parameters [0] {
      }
      - Return [ array ]
    }
  }
}
bool(false)
bool(false)
