<?php
// The web side of the demo, served by `php -S`: POST /signup publishes a
// "send welcome e-mail" job (persistent, publisher-confirmed) and answers at
// once; GET /status shows how many jobs are still pending.
declare(strict_types=1);
require __DIR__ . '/../config.php';

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH);
header('Content-Type: text/plain; charset=utf-8');

try {
    if ($path === '/signup' && ($_SERVER['REQUEST_METHOD'] ?? '') === 'POST') {
        $email = (string) ($_POST['email'] ?? '');
        $name = (string) ($_POST['name'] ?? '');
        $phone = (string) ($_POST['phone'] ?? '');
        if (!filter_var($email, FILTER_VALIDATE_EMAIL)) {
            http_response_code(400);
            echo "invalid e-mail address\n";
            return;
        }
        $conn = demo_connection();
        $ch = new AMQPChannel($conn);
        demo_topology($ch);
        $ch->confirmSelect();
        // The broker has the job once it confirms it; only then say "done".
        $ch->setConfirmCallback(static fn(): bool => false, static function (): never {
            throw new RuntimeException('the broker refused the job');
        });
        $ex = new AMQPExchange($ch);
        $ex->setName(JOBS_EXCHANGE);
        $ex->publish(
            json_encode(['email' => $email, 'name' => $name, 'phone' => $phone], JSON_THROW_ON_ERROR),
            SIGNUP_EVENT,
            AMQP_NOPARAM,
            [
                'content_type' => 'application/json',
                'delivery_mode' => AMQP_DELIVERY_MODE_PERSISTENT,
                'message_id' => bin2hex(random_bytes(8)),
                'timestamp' => time(),
            ]
        );
        $ch->waitForConfirm(5.0);
        $conn->disconnect();
        echo "Welcome, $name! A confirmation e-mail is on its way to $email" . ($phone !== "" ? " and an SMS to $phone" : "") . ".\n";
        return;
    }
    if ($path === '/status') {
        $conn = demo_connection();
        printf("pending welcome e-mails: %d, SMS: %d\n", demo_pending($conn), demo_pending($conn, SMS_QUEUE));
        $conn->disconnect();
        return;
    }
    echo "POST /signup (email, name) to register; GET /status for the pending count\n";
} catch (AMQPException $e) {
    http_response_code(503);
    printf("queue unavailable: %s: %s\n", get_class($e), $e->getMessage());
}
