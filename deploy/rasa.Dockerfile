# The bot: Rasa's official image with this project's model, add-ons and spaCy pipeline.
# Built by docker-compose.yml with the repository root as context (`make install` first: it needs
# models/refund-assistant.tar.gz). Not built on the development machine (no Docker engine there).
FROM rasa/rasa:3.6.21-full

USER root
WORKDIR /app
# The spaCy pipeline SpacyNLP loads at run time (config.yml: build/spacy_en_refund): a blank
# English pipeline with rule-based entities, rebuilt here with the image's own spaCy so that the
# pipeline and the library match. No model is downloaded.
COPY nlp_pipeline/ /app/nlp_pipeline/
RUN python -m nlp_pipeline.build /app/build/spacy_en_refund
RUN pip install --no-cache-dir num2words==0.5.14  # policy numbers in words (addons/nlg)
COPY addons/ /app/addons/
COPY refund_rules/ /app/refund_rules/
COPY credentials.yml logging.yml log_masking.py policy.yml /app/
COPY responses/ /app/responses/
COPY deploy/endpoints.scale.yml /app/deploy/
COPY models/refund-assistant.tar.gz /app/models/refund-assistant.tar.gz
ENV PYTHONPATH=/app
USER 1001
# Rasa's command line with the project's patches and start-up hooks (addons/__main__.py);
# docker-compose.yml gives the `run ...` command.
ENTRYPOINT ["python", "-m", "addons"]
