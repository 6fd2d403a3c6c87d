-- The model-routed workload: an OpenAI chat completion request whose body names the model
-- (the gateway reads `model` from the body and routes on it). The same request for every proxy.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"bench-model","messages":[{"role":"system","content":"You are a terse assistant."},{"role":"user","content":"Say ok."}],"max_tokens":16,"stream":false}'
