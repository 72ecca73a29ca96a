-- What a dml/logdel maker is about to create on its source, committed before it touches the source and
-- deleted in the transaction that stores its configuration (or when it undoes). A row left behind means the
-- server died in between: at start-up the named trigger(s), function and queue are dropped on the source.
CREATE TABLE mimeo.maker_intent (
    dest_table text PRIMARY KEY,
    source_id integer NOT NULL,
    source_table text NOT NULL,
    queue_table text NOT NULL,
    queue_function text NOT NULL,
    queue_triggers text[] NOT NULL,
    server_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
