# The action server: rasa-sdk's official image with the project's actions, dispute rules and
# policy, started as `python -m actions` (token check, masked logs). Context: the repository root.
FROM rasa/rasa-sdk:3.6.2

USER root
WORKDIR /app
# What the actions need beyond the rasa-sdk image (pinned as in requirements.lock).
RUN pip install --no-cache-dir dateparser==1.2.0 babel==2.19.0
COPY actions/ /app/actions/
COPY refund_rules/ /app/refund_rules/
COPY nlp_pipeline/__init__.py nlp_pipeline/meaning.py /app/nlp_pipeline/
COPY log_masking.py policy.yml /app/
COPY responses/ /app/responses/
ENV PYTHONPATH=/app
USER 1001
ENTRYPOINT ["python", "-m", "actions"]
CMD ["--port", "5055"]
