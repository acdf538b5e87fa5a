<?php
// The chat scenario: four users, one room, private messages, people coming
// and going.  Each user is a separate connection, as separate browser tabs
// or apps would be.
declare(strict_types=1);
require __DIR__ . '/chat.php';

// Sign-up: every account gets its inbox, even before its first log-in.
$admin = connect('chat admin');
$ch = new AMQPChannel($admin);
foreach (['alice', 'bob', 'carol', 'dave'] as $user) {
    register_user($ch, $user);
}

$alice = new ChatClient('alice');
$bob = new ChatClient('bob');
$alice->join('lobby');
$bob->join('lobby');

echo "alice in #lobby: hi everyone\n";
$alice->say('lobby', 'hi everyone');
$alice->poll();                      // a room message comes back to its author too
$bob->poll();

$carol = new ChatClient('carol');
$carol->join('lobby');               // no history: she never sees "hi everyone"
echo "bob in #lobby: welcome carol\n";
$bob->say('lobby', 'welcome carol');
foreach ([$alice, $bob, $carol] as $c) {
    $c->poll();
}
echo "alice to carol: lunch at noon?\n";
$alice->tell('carol', 'lunch at noon?');
$carol->poll();
$alice->poll();                      // private: nothing for alice
echo "alice to dave (offline): call me\n";
$alice->tell('dave', 'call me');

$bobsRoomQueue = $bob->roomQueue('lobby');
$bob->quit();
// Bob's room queue was exclusive to his connection: it is gone now.
$check = new AMQPQueue(new AMQPChannel($admin));  // a failed passive declare closes its channel: use a fresh one
$check->setName($bobsRoomQueue);
$check->setFlags(AMQP_PASSIVE);
try {
    $check->declareQueue();
    echo "bob's #lobby queue still exists\n";
} catch (AMQPQueueException $e) {
    printf("bob's #lobby queue is gone (%d)\n", $e->getCode());
}

echo "carol to bob (offline): see you tomorrow\n";
$carol->tell('bob', 'see you tomorrow');
echo "alice in #lobby: bye\n";
$alice->say('lobby', 'bye');
$alice->poll();
$carol->poll();

$bob = new ChatClient('bob');        // back online: his inbox kept the private message
$bob->poll();                        // ... but he missed "bye" in the room
$dave = new ChatClient('dave');
$dave->poll();

foreach ([$alice, $bob, $carol, $dave] as $c) {
    $c->quit();
}
$admin->disconnect();
